/**
 * The emergency funding appeal: from the trigger after a sudden-onset emergency to the
 * donor-ready appeal document.
 */
package org.eie.workflows.appeal;
