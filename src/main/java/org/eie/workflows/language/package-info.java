/**
 * Each person's one language (English, French, Spanish, Portuguese or Arabic): the list of the
 * languages we speak, and the language a user chose for the dashboard and their e-mails.
 * docs/languages.md, "Adding a sixth language".
 */
package org.eie.workflows.language;
