package br.com.opera360.app.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import java.io.UnsupportedEncodingException;
import java.time.Clock;
import java.util.Date;

/** Builds the one message shape both adapters send: plain text, UTF-8. */
final class MimeMessages {
    private MimeMessages() {
    }

    static void fill(MimeMessage message, OutgoingMail mail, String from, Clock clock) throws MessagingException {
        try {
            message.setFrom(new InternetAddress(from, "Opera360 Conectividade", "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 unavailable", e);
        }
        message.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(mail.to()));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.textBody(), "UTF-8", "plain");
        // 8bit, not quoted-printable: the .eml shows "Senha temporária: ..." and the token as written
        message.setHeader("Content-Transfer-Encoding", "8bit");
        message.setSentDate(Date.from(clock.instant()));
    }
}
