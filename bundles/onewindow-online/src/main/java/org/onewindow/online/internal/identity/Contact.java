package org.onewindow.online.internal.identity;

/**
 * A verified mobile of a citizen, where a sign-in code may go: the one bound to the ID number
 * ({@code bound}), or one a verified path offers to bind at the sign-in the code completes.
 *
 * @param path how it was verified
 * @param reference what verified it: a case number, an appointment code, a verification's reference
 * @param by who verified it: a clerk's user name, or the service
 */
public record Contact(String mobile, BindingPath path, String reference, String by, boolean bound) {
}
