/**
 * Partner projects in an appeal: the call for projects, a partner's submission and revision in
 * its own sub-instance, the panel's vetting, and a partner's own projects. The project records
 * themselves ({@code PartnerProject}, {@code PartnerProjects}, {@code Vetting}) stay in
 * {@code appeal/}: running appeals keep their class names in the {@code projects} variable.
 */
package org.eie.workflows.appeal.projects;
