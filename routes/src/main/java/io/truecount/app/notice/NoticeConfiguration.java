package io.truecount.app.notice;

import io.truecount.app.config.TruecountConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The mailer for the admin's {@code mail:} block. Spring Boot's own mail auto-configuration reads {@code spring.mail.*}
 * properties; ours comes from the admin's YAML instead, so there is one place to configure it.
 */
@Configuration(proxyBeanMethods = false)
class NoticeConfiguration {

    @Bean
    Mailer mailer(TruecountConfig config) {
        // Validation makes sure 'mail:' is there whenever 'dunning:' or 'renewals:' is, the only users of the mailer.
        return config.mail() == null ? new Mailer(null) : Mailer.of(config.mail());
    }
}
