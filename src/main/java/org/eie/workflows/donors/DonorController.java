package org.eie.workflows.donors;

import org.eie.workflows.forms.FormReader;
import org.eie.workflows.forms.NotFound;
import org.eie.workflows.forms.InvalidInput;
import java.util.List;
import java.util.Map;
import org.eie.workflows.identity.EieProperties;
import org.eie.workflows.identity.RoleActions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The donor registry for the Secretariat and the co-leads, and what was delivered to whom; which
 * donors each may read and manage is {@link DonorAccess}'s rule. Everyone else gets 403.
 */
@RestController
class DonorController {

  private final DonorRegistry registry;
  private final DeliveryLedger ledger;
  private final DonorAccess access;
  private final EieProperties properties;
  private final DeliveryRetry retries;

  DonorController(DonorRegistry registry, DeliveryLedger ledger, DonorAccess access,
      EieProperties properties, DeliveryRetry retries) {
    this.retries = retries;
    this.registry = registry;
    this.ledger = ledger;
    this.access = access;
    this.properties = properties;
  }

  /** The donors the caller may read (see {@link DonorAccess}). */
  @GetMapping("/api/donors")
  List<Donor> donors() {
    access.requireDonorManager();
    return registry.all().stream().filter(access::reads).toList();
  }

  @GetMapping("/api/donors/{id}")
  Donor donor(@PathVariable String id) {
    access.requireDonorManager();
    return readable(id);
  }

  @PostMapping("/api/donors")
  @ResponseStatus(HttpStatus.CREATED)
  Donor register(@RequestBody DonorInput donor) {
    access.requireDonorManager();
    DonorInput validated = donor.validated(properties);
    access.requireMaySubscribe(validated);
    return registry.register(validated);
  }

  @PutMapping("/api/donors/{id}")
  Donor update(@PathVariable String id, @RequestBody DonorInput donor) {
    access.requireDonorManager();
    DonorInput validated = donor.validated(properties);
    access.requireManagerOf(readable(id));
    access.requireMaySubscribe(validated);
    return registry.update(id, validated);
  }

  /** Unsubscribes the donor (nothing is deleted: deliveries and pledges stay on record). */
  @DeleteMapping("/api/donors/{id}")
  Donor unsubscribe(@PathVariable String id) {
    access.requireDonorManager();
    access.requireManagerOf(readable(id));
    return registry.unsubscribe(id);
  }

  /** A donor the caller may not read is answered exactly as an unknown one. */
  private Donor readable(String id) {
    return registry.find(id).filter(access::reads)
        .orElseThrow(() -> new NotFound("No donor " + id));
  }

  /**
   * Deliveries of an appeal (all versions, or one), with their status: SENT with time and
   * Message-ID, RETRYING with the last error, WAITING_FOR_MAIL_SERVER ("not sent: no mail server
   * configured"), PENDING. Only deliveries of countries the caller sees.
   */
  @GetMapping("/api/donor-deliveries")
  List<Delivery> deliveries(@RequestParam String appealId,
      @RequestParam(required = false) Integer version) {
    access.requireDonorManager();
    return ledger.deliveriesOf(appealId, version).stream()
        .filter(delivery -> access.seesCountry(delivery.country()))
        .toList();
  }

  /** Why failed deliveries are retried; recorded with who asked. */
  record RetryDeliveries(String appealId, String reason) {
  }

  /**
   * Sends an appeal's failed deliveries (retries used up) back to the job executor now. Body:
   * {@code {"appealId": "...", "reason": "..."}}; answers how many were retried (0 when none had
   * failed). 404 for an appeal the caller cannot see or without deliveries.
   */
  @PostMapping("/api/donor-deliveries/retry")
  Map<String, Object> retry(@RequestBody RetryDeliveries body) {
    access.requireDonorManager();
    if (body == null || FormReader.isBlank(body.appealId())) {
      throw new InvalidInput("appealId", "is required");
    }
    String reason = RoleActions.reason(body.reason());
    return Map.of("appealId", body.appealId(), "retried",
        retries.retry(body.appealId(), reason));
  }
}
