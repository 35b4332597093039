package org.eie.workflows.donors;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pledges per donor and appeal, in our own table. */
@Component
class PledgeBook {

  private final JdbcClient jdbc;

  PledgeBook(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Funded (committed + paid) and pledged per appeal, for the appeals with pledges. */
  Map<String, DonorReads.PledgeTotals> totalsByAppeal(Collection<String> appealIds) {
    Map<String, BigDecimal[]> sums = new HashMap<>();
    if (!appealIds.isEmpty()) {
      jdbc.sql("select appeal_id, status, sum(amount_usd) as total from eie_pledge"
              + " where appeal_id in (:ids) group by appeal_id, status")
          .param("ids", appealIds)
          .query((rs, row) -> {
            BigDecimal[] pair = sums.computeIfAbsent(rs.getString("appeal_id"),
                id -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            int slot = Pledge.Status.PLEDGED.name().equals(rs.getString("status")) ? 1 : 0;
            pair[slot] = pair[slot].add(rs.getBigDecimal("total"));
            return null;
          }).list();
    }
    Map<String, DonorReads.PledgeTotals> totals = new HashMap<>();
    sums.forEach((id, pair) -> totals.put(id, new DonorReads.PledgeTotals(pair[0], pair[1])));
    return totals;
  }

  Pledge record(PledgeInput pledge, String recordedBy) {
    String id = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.sql("insert into eie_pledge (id, donor_id, appeal_id, activity, amount_usd, pledge_date,"
            + " status, recorded_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(id, pledge.donorId(), pledge.appealId(), pledge.activity(), pledge.amountUsd(),
            Date.valueOf(pledge.date()), pledge.status(), recordedBy, now, now)
        .update();
    return find(id).orElseThrow();
  }

  Pledge update(String id, PledgeInput pledge, String recordedBy) {
    jdbc.sql("update eie_pledge set donor_id = ?, activity = ?, amount_usd = ?, pledge_date = ?,"
            + " status = ?, recorded_by = ?, updated_at = ? where id = ?")
        .params(pledge.donorId(), pledge.activity(), pledge.amountUsd(),
            Date.valueOf(pledge.date()), pledge.status(), recordedBy,
            Timestamp.from(Instant.now()), id)
        .update();
    return find(id).orElseThrow();
  }

  Optional<Pledge> find(String id) {
    return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PledgeBook::pledge).optional();
  }

  List<Pledge> ofAppeal(String appealId) {
    return jdbc.sql(SELECT + " where p.appeal_id = ? order by p.pledge_date, d.organisation")
        .param(appealId).query(PledgeBook::pledge).list();
  }

  private static final String SELECT = "select p.*, d.organisation from eie_pledge p"
      + " join eie_donor d on d.id = p.donor_id";

  private static Pledge pledge(ResultSet rs, int row) throws SQLException {
    return new Pledge(rs.getString("id"), rs.getString("donor_id"), rs.getString("organisation"),
        rs.getString("appeal_id"), rs.getString("activity"), rs.getBigDecimal("amount_usd"),
        rs.getDate("pledge_date").toLocalDate(), Pledge.Status.valueOf(rs.getString("status")),
        rs.getString("recorded_by"), rs.getTimestamp("created_at").toInstant(),
        rs.getTimestamp("updated_at").toInstant());
  }
}
