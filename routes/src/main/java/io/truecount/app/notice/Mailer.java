package io.truecount.app.notice;

import io.truecount.app.config.MailSettings;
import java.util.Properties;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Sends plain-text notices through Spring's {@link JavaMailSender}; a failure is one line, never a stack trace. */
public class Mailer {

    /** How long one SMTP step may take: a notice run holds an invoice's row lock while it sends (DunningService). */
    static final int TIMEOUT_MILLIS = 20_000;

    private volatile JavaMailSender sender;

    /** @param sender null when no {@code mail:} is configured: sending then fails */
    public Mailer(JavaMailSender sender) {
        this.sender = sender;
    }

    /** A sender for the configured server; none when {@code mail} is null. */
    static Mailer of(MailSettings mail) {
        return new Mailer(mail == null ? null : sender(mail));
    }

    /** After a reload: the next notice goes through the server now configured. */
    void use(MailSettings mail) {
        sender = mail == null ? null : sender(mail);
    }

    private static JavaMailSender sender(MailSettings mail) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(mail.host());
        sender.setPort(mail.port());
        sender.setDefaultEncoding("UTF-8");
        Properties props = sender.getJavaMailProperties();
        if (mail.username() != null) {
            sender.setUsername(mail.username());
            sender.setPassword(mail.password() == null ? null : mail.password().reveal());
            props.put("mail.smtp.auth", "true");
        }
        if (mail.starttls()) {
            // Required, not just enabled: credentials and invoices must not go over a server that refuses TLS.
            props.put("mail.smtp.starttls.enable", "true");
            props.put("mail.smtp.starttls.required", "true");
        }
        props.put("mail.smtp.connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.timeout", String.valueOf(TIMEOUT_MILLIS));
        props.put("mail.smtp.writetimeout", String.valueOf(TIMEOUT_MILLIS));
        return sender;
    }

    /** @throws NoticeFailedException when the server did not take the message */
    void send(String from, String to, String subject, String body) {
        if (sender == null) {
            throw new NoticeFailedException("cannot send mail to " + to + ": no 'mail:' server is configured", null);
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(body);
        try {
            sender.send(message);
        } catch (MailException e) {
            throw new NoticeFailedException("cannot send mail to " + to + ": " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.strip().replaceAll("\\s+", " ");
    }
}
