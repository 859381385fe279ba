package br.com.opera360.web.audit;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.util.ClassUtils;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit shows a customer the events whose payload names its account: every event an aggregate sources or a
 * projection handles must carry an {@code accountId}, or no customer could ever see it.
 */
class EveryEventNamesItsAccountTest {

    @Test
    void every_kernel_event_carries_an_account_id() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(org.springframework.beans.factory.annotation.AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*")));
        Set<String> events = new TreeSet<>();
        Set<String> withoutAccount = new TreeSet<>();
        for (String base : new String[]{"br.com.opera360.command", "br.com.opera360.query", "br.com.opera360.app"}) {
            for (var candidate : scanner.findCandidateComponents(base)) {
                Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), getClass().getClassLoader());
                for (Method method : type.getDeclaredMethods()) {
                    if (!method.isAnnotationPresent(EventSourcingHandler.class) && !method.isAnnotationPresent(EventHandler.class)) continue;
                    if (method.getParameterCount() == 0) continue;
                    Class<?> event = method.getParameterTypes()[0];
                    if (!event.getName().startsWith("br.com.opera360.kernel.") || !event.isRecord()) continue;
                    events.add(event.getSimpleName());
                    if (Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).noneMatch("accountId"::equals)) {
                        withoutAccount.add(event.getSimpleName());
                    }
                }
            }
        }
        // events applied by aggregates: kernel records built in a method that calls AggregateLifecycle.apply
        var commandSide = new com.tngtech.archunit.core.importer.ClassFileImporter().importPackages("br.com.opera360.command");
        for (var type : commandSide) {
            for (var method : type.getMethods()) {
                boolean applies = method.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("apply")
                        && call.getTargetOwner().isEquivalentTo(org.axonframework.modelling.command.AggregateLifecycle.class));
                if (!applies) continue;
                for (var call : method.getConstructorCallsFromSelf()) {
                    var built = call.getTargetOwner();
                    if (!built.getPackageName().startsWith("br.com.opera360.kernel.") || built.getPackageName().endsWith(".common")
                            || built.isNestedClass() || !built.isRecord()) continue;
                    Class<?> event = built.reflect();
                    events.add(event.getSimpleName());
                    if (Arrays.stream(event.getRecordComponents()).map(RecordComponent::getName).noneMatch("accountId"::equals)) {
                        withoutAccount.add(event.getSimpleName());
                    }
                }
            }
        }
        assertThat(events).contains("CnpjClaimed", "EmailClaimed", "AccountRegistered", "InvoiceRegistered", "PaymentRecorded",
                "NegotiationAgreed", "ServiceRegistered", "UserCreated", "PasswordChanged", "LoginFailed", "LoginTokenSent", "UserLoggedOut")
                .hasSizeGreaterThan(25);
        assertThat(withoutAccount).as("events without accountId").isEmpty();
    }
}
