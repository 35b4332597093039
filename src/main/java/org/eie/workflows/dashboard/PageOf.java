package org.eie.workflows.dashboard;

import java.util.List;

/** One page of a list: the items, which page (from 0), its size and how many there are in all. */
public record PageOf<T>(List<T> items, int page, int size, long total) {

  static <T> PageOf<T> of(List<T> all, int page, int size) {
    int from = Math.min(all.size(), page * size);
    int to = Math.min(all.size(), from + size);
    return new PageOf<>(all.subList(from, to), page, size, all.size());
  }

  public int pages() {
    return size == 0 ? 0 : (int) ((total + size - 1) / size);
  }
}
