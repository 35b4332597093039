/**
 * The registry of partner organisations: NGOs, UN agencies, Red Cross / Red Crescent societies and
 * government bodies that submit projects into a country's emergency funding appeal. Each
 * organisation is a record of our own ({@code eie_partner_organisation}) and a Camunda group
 * ({@code partner-LB-lea}, type {@value org.eie.workflows.partners.PartnerOrganisation#GROUP_TYPE})
 * whose members are its users; they are also members of the country's {@code partners-XX}, which
 * gives them the country's tenant and the call for projects. A submission records the
 * organisation it came from; a returned project goes back to that organisation's group alone.
 * The country's co-leads, the Secretariat, the global co-leads and administrators register
 * organisations and attach users ({@code /api/partner-organisations}); users themselves are
 * created in Admin, and only a new user or a partner of the same country may join.
 */
package org.eie.workflows.partners;
