/** Single sign-on with OpenID Connect providers: who the provider says a user is, mapped to our groups. */
package org.eie.workflows.security.oidc;
