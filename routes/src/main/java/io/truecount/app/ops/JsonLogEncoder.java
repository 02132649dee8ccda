package io.truecount.app.ops;

import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;

/**
 * Spring Boot's structured log encoder, usable before Spring starts. The embedded PostgreSQL and the configuration
 * loader log before there is an application; Spring's encoder insists on finding the Spring {@link Environment} in the
 * logger context, so until Spring puts its own there (when it reconfigures logging), this puts one over the system
 * properties and environment variables.
 */
public class JsonLogEncoder extends StructuredLogEncoder {

    @Override
    public void start() {
        if (getContext().getObject(Environment.class.getName()) == null) {
            getContext().putObject(Environment.class.getName(), new StandardEnvironment());
        }
        super.start();
    }
}
