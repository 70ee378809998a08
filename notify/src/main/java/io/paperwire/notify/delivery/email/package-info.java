/**
 * Alert and digest mails: {@link io.paperwire.notify.delivery.email.AlertMailComposer} renders an
 * {@link io.paperwire.notify.delivery.email.OutgoingMail} (multipart/alternative, plain text and HTML, every paper
 * field HTML-escaped, {@code List-Unsubscribe} one-click headers, a {@code Message-ID} derived from the alert id)
 * from the templates next to this package's resources; a channel sends it:
 * {@link io.paperwire.notify.delivery.email.SmtpMailChannel} over SMTP, or
 * {@link io.paperwire.notify.delivery.email.EmlFileChannel} as {@code .eml} files when no SMTP server is configured
 * ({@link io.paperwire.notify.delivery.email.MailChannels#select}).
 */
package io.paperwire.notify.delivery.email;
