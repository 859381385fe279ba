package br.com.opera360.app.mail;

import br.com.opera360.kernel.mail.Mail;
import br.com.opera360.kernel.mail.MailText;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every text renders from its template to the exact plain text a person reads; values never show in a log line. */
class MailTextsTest {
    private final List<OutgoingMail> sent = new ArrayList<>();
    private final MailTexts texts = new MailTexts(new MailTransport() {
        @Override
        public void send(OutgoingMail mail) {
            sent.add(mail);
        }

        @Override
        public void sendOnce(String key, OutgoingMail mail) {
            sent.add(mail);
        }
    });

    @Test
    void the_login_token_is_the_only_six_digit_number_of_its_text() {
        var mail = texts.render(new Mail("ana@acme.com.br", MailText.LOGIN_TOKEN, Map.of("token", "042917")));
        assertThat(mail.to()).isEqualTo("ana@acme.com.br");
        assertThat(mail.subject()).isEqualTo("Opera360 Conectividade: seu token de acesso");
        assertThat(mail.textBody()).isEqualTo("""
                Olá.

                Use este token para concluir o seu login no Portal Opera360 – módulo Conectividade:

                042917

                Ele vale por dez minutos e funciona uma única vez. Ao copiar e colar, confira que não há espaços.
                Se não foi você quem tentou entrar, troque a sua senha e avise o Administrador da sua empresa.
                """);
    }

    @Test
    void a_new_account_s_administrator_gets_the_company_login_and_temporary_password() {
        var mail = texts.render(new Mail("ana@acme.com.br", MailText.ACCOUNT_REGISTERED, Map.of("name", "Ana",
                "company", "Acme & Filhos", "cnpj", "12345678000195", "login", "ana@acme.com.br", "password", "Ab3$<x>&")));
        assertThat(mail.subject()).isEqualTo("Opera360 Conectividade: seu acesso de Administrador");
        assertThat(mail.textBody()).isEqualTo("""
                Olá, Ana.

                A conta da empresa Acme & Filhos (CNPJ 12345678000195) foi criada no Portal Opera360 – módulo Conectividade,
                e você é o Administrador dela.

                Login: ana@acme.com.br
                Senha temporária: Ab3$<x>&

                No primeiro acesso o portal pedirá o token enviado por e-mail e a troca desta senha.
                Se você não esperava esta mensagem, avise o seu Gerente de Contas.
                """);
    }

    @Test
    void a_created_user_gets_login_and_temporary_password() {
        var mail = texts.render(new Mail("bia@acme.com.br", MailText.USER_CREATED,
                Map.of("name", "Bia", "login", "bia@acme.com.br", "password", "Xy7!abcdefghjk")));
        assertThat(mail.subject()).isEqualTo("Opera360 Conectividade: seu acesso ao portal");
        assertThat(mail.textBody()).startsWith("Olá, Bia.\n\nO Administrador da sua empresa criou o seu acesso")
                .contains("\nLogin: bia@acme.com.br\nSenha temporária: Xy7!abcdefghjk\n")
                .endsWith("Se você não esperava esta mensagem, avise o Administrador da sua empresa.\n");
    }

    @Test
    void a_reset_reaches_the_administrator_in_one_of_two_texts() {
        var values = Map.<String, Object>of("name", "Bia", "login", "bia@acme.com.br", "password", "Xy7!abcdefghjk");
        var own = texts.render(new Mail("bia@acme.com.br", MailText.PASSWORD_RESET, values));
        var forUser = texts.render(new Mail("ana@acme.com.br", MailText.PASSWORD_RESET_FOR_USER, values));
        assertThat(own.subject()).isEqualTo(forUser.subject()).isEqualTo("Opera360 Conectividade: nova senha temporária");
        assertThat(own.textBody()).startsWith("Olá, Bia.\n\nRecebemos um pedido de nova senha")
                .endsWith("Se você não pediu uma nova senha, troque-a assim que entrar.\n");
        assertThat(forUser.textBody()).isEqualTo("""
                Olá.

                O usuário Bia (bia@acme.com.br) pediu uma nova senha para o Portal Opera360 – módulo Conectividade.
                Como Administrador da conta, repasse a ele esta senha temporária por um canal seguro:

                Login: bia@acme.com.br
                Senha temporária: Xy7!abcdefghjk

                A senha anterior deixou de valer. No próximo acesso o portal pedirá o token enviado por e-mail e a
                troca desta senha. Se o pedido parecer indevido, não repasse a senha.
                """);
    }

    @Test
    void a_digest_lists_each_section_that_has_lines_and_names_them_in_the_subject() {
        var withCodes = new Line("F-1", "15/03/2026", "R$ 2.255,69", "00190.00009 1", "000201abc");
        var plain = new Line("F-2", "01/03/2026", "R$ 60,00", null, null);
        var both = texts.render(digest(List.of(withCodes), List.of(plain)));
        assertThat(both.subject()).isEqualTo("Opera360 Conectividade: faturas a vencer e vencidas");
        assertThat(both.textBody()).isEqualTo("""
                Olá, Ana.

                Faturas a vencer:
                - Fatura F-1 | vencimento 15/03/2026 | R$ 2.255,69
                  Linha digitável: 00190.00009 1
                  Pix Copia e Cola: 000201abc

                Faturas vencidas:
                - Fatura F-2 | vencimento 01/03/2026 | R$ 60,00

                Veja os detalhes e a 2ª via no portal Opera360 Conectividade.
                Para mudar quando estes lembretes chegam, o administrador da conta ajusta Lembretes de vencimento.
                """);
        var upcoming = texts.render(digest(List.of(withCodes), List.of()));
        assertThat(upcoming.subject()).isEqualTo("Opera360 Conectividade: faturas a vencer");
        assertThat(upcoming.textBody()).doesNotContain("vencidas:");
        var overdue = texts.render(digest(List.of(), List.of(plain)));
        assertThat(overdue.subject()).isEqualTo("Opera360 Conectividade: faturas vencidas");
        assertThat(overdue.textBody()).startsWith("Olá, Ana.\n\nFaturas vencidas:\n- Fatura F-2").doesNotContain("a vencer:");
    }

    @Test
    void a_value_the_template_names_but_the_mail_lacks_is_an_error_and_no_mail_leaves() {
        assertThatThrownBy(() -> texts.send(new Mail("ana@acme.com.br", MailText.LOGIN_TOKEN, Map.of("tokn", "1"))))
                .hasMessageContaining("token");
        assertThat(sent).isEmpty();
    }

    @Test
    void the_mail_and_its_rendering_never_print_their_secrets() {
        var mail = new Mail("ana@acme.com.br", MailText.LOGIN_TOKEN, Map.of("token", "042917"));
        texts.sendOnce("k", mail);
        assertThat(mail.toString()).doesNotContain("042917");
        assertThat(sent).singleElement().satisfies(m -> assertThat(m.toString()).doesNotContain("042917"));
    }

    /** Shaped like the reminder's line: the template reads record accessors. */
    record Line(String invoiceNumber, String dueDate, String amountDue, String digitableLine, String pixCopyPaste) {
    }

    private static Mail digest(List<Line> upcoming, List<Line> overdue) {
        return new Mail("ana@acme.com.br", MailText.REMINDER_DIGEST, Map.of("name", "Ana", "upcoming", upcoming,
                "hasUpcoming", !upcoming.isEmpty(), "overdue", overdue, "hasOverdue", !overdue.isEmpty()));
    }
}
