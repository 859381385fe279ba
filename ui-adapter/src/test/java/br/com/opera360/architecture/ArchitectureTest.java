package br.com.opera360.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.axonframework.commandhandling.gateway.CommandGateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The module rules of the architecture, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "br.com.opera360", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_kernel_depends_on_no_framework_but_axon = noClasses()
            .that().resideInAPackage("..kernel..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "reactor..",
                    "jakarta..", "com.fasterxml..", "br.com.opera360.command..", "br.com.opera360.query..", "br.com.opera360.web..",
                    "br.com.opera360.app..");

    @ArchTest
    static final ArchRule kernel_classes_are_records_enums_interfaces_or_exceptions = classes()
            .that().resideInAPackage("..kernel..").and().areTopLevelClasses()
            .should(new ArchCondition<>("be a record, an enum, an interface or an exception") {
                @Override
                public void check(JavaClass c, ConditionEvents events) {
                    boolean ok = c.isRecord() || c.isEnum() || c.isInterface() || c.isAssignableTo(RuntimeException.class);
                    if (!ok) events.add(SimpleConditionEvent.violated(c, c.getName() + " is a plain class"));
                }
            });

    @ArchTest
    static final ArchRule the_command_side_never_depends_on_the_query_side_or_spring_data = noClasses()
            .that().resideInAPackage("br.com.opera360.command..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.opera360.query..", "br.com.opera360.web..",
                    "org.springframework.data..", "com.mongodb..");

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side_or_the_web = noClasses()
            .that().resideInAPackage("br.com.opera360.query..")
            .should().dependOnClassesThat().resideInAnyPackage("br.com.opera360.command..", "br.com.opera360.web..");

    @ArchTest
    static final ArchRule only_the_web_layer_and_process_managers_send_commands = noClasses()
            .that().resideOutsideOfPackages("..web..", "..app.demo..").and().haveSimpleNameNotEndingWith("Process")
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class);

    @ArchTest
    static final ArchRule controllers_never_touch_repositories_or_templates = noClasses()
            .that().resideInAPackage("..web..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.data..", "com.mongodb..",
                    "org.springframework.jdbc..")
            .orShould().dependOnClassesThat().areAssignableTo(org.axonframework.modelling.command.Repository.class);

    @ArchTest
    static final ArchRule packages_form_a_tree = slices().matching("br.com.opera360.(**)").should().beFreeOfCycles();
}
