package org.eie.workflows.identity;

import static org.eie.workflows.identity.Groups.coLeadsOf;
import static org.eie.workflows.identity.Groups.humanitarianCoordinatorOf;
import static org.eie.workflows.identity.Groups.languageCommunity;
import static org.eie.workflows.identity.Groups.partnersOf;

import java.util.List;

/** The demo users of the local default (README.md lists them). Never created outside demo mode. */
public final class DemoUsers {

  /** Every demo user's password. */
  public static final String PASSWORD = "demo";

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {
  }

  static final List<DemoUser> ALL = List.of(
      new DemoUser("lb.unicef", "Nadine", "Khoury (UNICEF, Lebanon)",
          List.of(coLeadsOf("LB"), Groups.UNICEF)),
      new DemoUser("lb.savethechildren", "Karim", "Saleh (Save the Children, Lebanon)",
          List.of(coLeadsOf("LB"), Groups.SAVE_THE_CHILDREN)),
      new DemoUser("co.unicef", "Camila", "Restrepo (UNICEF, Colombia)",
          List.of(coLeadsOf("CO"), Groups.UNICEF)),
      new DemoUser("co.savethechildren", "Andrés", "Gómez (Save the Children, Colombia)",
          List.of(coLeadsOf("CO"), Groups.SAVE_THE_CHILDREN)),
      new DemoUser("lb.hc", "Rima", "Nassar (Humanitarian Coordinator's office, Lebanon)",
          List.of(humanitarianCoordinatorOf("LB"))),
      new DemoUser("co.hc", "Mateo", "Vargas (Humanitarian Coordinator's office, Colombia)",
          List.of(humanitarianCoordinatorOf("CO"))),
      new DemoUser("gec.unicef", "Amina", "Diallo (UNICEF, GEC Unit)",
          List.of(Groups.GLOBAL_CO_LEADS, Groups.UNICEF)),
      new DemoUser("gec.savethechildren", "Johan", "Berg (Save the Children, GEC Unit)",
          List.of(Groups.GLOBAL_CO_LEADS, Groups.SAVE_THE_CHILDREN)),
      new DemoUser("secretariat", "Sofia", "Marques (INEE Secretariat)",
          List.of(Groups.SECRETARIAT)),
      new DemoUser("steering", "David", "Okello (INEE Steering Group)",
          List.of(Groups.STEERING_GROUP)),
      new DemoUser("standards", "Mei", "Tanaka (Standards and Practice WG)",
          List.of(Groups.STANDARDS_WORKING_GROUP)),
      new DemoUser("facilitator.ar", "Layla", "Mansour (Arabic Language Community)",
          List.of(languageCommunity("ar"))),
      new DemoUser("facilitator.fr", "Claire", "Dubois (French Language Community)",
          List.of(languageCommunity("fr"))),
      new DemoUser("facilitator.pt", "João", "Silva (Portuguese Language Community)",
          List.of(languageCommunity("pt"))),
      new DemoUser("facilitator.es", "Lucía", "Fernández (Spanish Language Community)",
          List.of(languageCommunity("es"))),
      // Each partner user also belongs to its organisation's group (partner-LB-lea, ...), which
      // the partner registry creates and fills (partners/DemoPartnerOrganisations).
      new DemoUser("partner.lb", "Omar", "Fares (LEA, Lebanon)", List.of(partnersOf("LB"))),
      new DemoUser("partner2.lb", "Rania", "Haddad (NRC, Lebanon)", List.of(partnersOf("LB"))),
      new DemoUser("partner.co", "Valentina", "Ruiz (CESF, Colombia)", List.of(partnersOf("CO"))));

  private DemoUsers() {
  }
}
