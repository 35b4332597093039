package org.eie.workflows.appeal;

import java.util.ArrayList;
import java.util.List;

/** Every sign-off decision of an appeal, oldest first: the process variable {@code signOffs}. */
public record SignOffs(List<SignOff> decisions) {

  public static final SignOffs NONE = new SignOffs(List.of());

  public SignOffs {
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }

  public SignOffs with(SignOff decision) {
    List<SignOff> all = new ArrayList<>(decisions);
    all.add(decision);
    return new SignOffs(all);
  }

  /**
   * The approvals of the current round: those after the last send-back. A send-back starts the
   * four-eyes sign-off again from the beginning.
   */
  public List<SignOff> currentApprovals() {
    List<SignOff> current = new ArrayList<>();
    for (SignOff decision : decisions) {
      if (decision.approved()) {
        current.add(decision);
      } else {
        current.clear();
      }
    }
    return current;
  }
}
