package io.truecount.app.notice;

import io.truecount.app.config.ActiveConfig;
import io.truecount.app.config.ConfigReplaced;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The mailer for the admin's {@code mail:} block. Spring Boot's own mail auto-configuration reads {@code spring.mail.*}
 * properties; ours comes from the admin's YAML instead, so there is one place to configure it.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    @Bean
    Mailer mailer(ActiveConfig config) {
        // Validation makes sure 'mail:' is there whenever 'dunning:' or 'renewals:' is, the only users of the mailer.
        return Mailer.of(config.get().mail());
    }

    @Bean
    MailReload mailReload(Mailer mailer) {
        return new MailReload(mailer);
    }

    /** Points the mailer at a reloaded {@code mail:} block. */
    record MailReload(Mailer mailer) {
        @EventListener
        public void on(ConfigReplaced reload) {
            if (!Objects.equals(reload.previous().mail(), reload.current().mail())) {
                mailer.use(reload.current().mail());
            }
        }
    }
}
