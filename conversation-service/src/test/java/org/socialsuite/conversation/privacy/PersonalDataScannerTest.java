package org.socialsuite.conversation.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.socialsuite.events.PersonalDataKind.EMAIL;
import static org.socialsuite.events.PersonalDataKind.IBAN;
import static org.socialsuite.events.PersonalDataKind.ORDER_NUMBER;
import static org.socialsuite.events.PersonalDataKind.PAYMENT_CARD;
import static org.socialsuite.events.PersonalDataKind.PHONE;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.socialsuite.events.PersonalDataKind;

/** True and false positives in several languages and formats, as consumers write them. */
class PersonalDataScannerTest {

    private static final PersonalDataScanner SCANNER =
            new PersonalDataScanner(
                    settings(
                            Map.of(
                                    "default",
                                    brand(List.of("US", "GB", "DE", "FR", "ES", "BR", "JP"), null),
                                    "acme",
                                    brand(null, "\\bACME-\\d{6}\\b"),
                                    "globex",
                                    brand(List.of("DE"), "(?i)\\bGX\\d{8}\\b"))));

    static Stream<Arguments> found() {
        return Stream.of(
                // Phone numbers, national and international, in the brand's regions.
                found("Call me back on (415) 555-2671 please", PHONE),
                found("my number is +1 415 555 2671", PHONE),
                found("Ruf mich an: 030 12345678", PHONE),
                found("Meine Handynummer ist 0151 23456789, danke!", PHONE),
                found("Appelez-moi au 06 12 34 56 78 svp", PHONE),
                found("mon numéro : +33 6 12 34 56 78", PHONE),
                found("Llámame al 612 34 56 78", PHONE),
                found("Me liga no (11) 91234-5678", PHONE),
                found("電話番号は090-1234-5678です", PHONE),
                found("ring me on 07911 123456 after six", PHONE),
                // Outside the brand's regions, but international: found all the same.
                found("WhatsApp +91 98765 43210", PHONE),
                // Email addresses, the sentence's full stop aside.
                found("write to marie.dupont@orange.fr.", EMAIL),
                found("Meine Adresse: jürgen.müller@gmx.de", EMAIL),
                found("mail me: john+orders@example.co.uk!", EMAIL),
                // Card numbers: an issuer's range and a Luhn digit.
                found("my card 4111 1111 1111 1111 was charged twice", PAYMENT_CARD),
                found("Karte 5500-0000-0000-0004 wurde abgelehnt", PAYMENT_CARD),
                found("amex 378282246310005 expired", PAYMENT_CARD),
                // IBANs, grouped or not, by their country's length and check digits.
                found("Bitte auf DE89 3704 0044 0532 0130 00 überweisen", IBAN),
                found("refund to FR1420041010050500013M02606 thanks", IBAN),
                found("mi cuenta es ES9121000418450200051332", IBAN),
                // The brand's own order numbers.
                found("where is my order ACME-123456?", ORDER_NUMBER),
                found("Bestellung gx20261130 ist nicht angekommen", "globex", ORDER_NUMBER),
                // Several at once, and an order number's digits are not a phone number too.
                found(
                        "order ACME-555267 — reach me at anna@example.com or +44 7911 123456",
                        EMAIL,
                        PHONE,
                        ORDER_NUMBER));
    }

    static Stream<Arguments> notFound() {
        return Stream.of(
                // Numbers that are not personal data.
                nothing("The update to 3.33.2 broke my app"),
                nothing("I paid $1,299.99 on 2026-11-30 at 10:30"),
                nothing("Bestellung vom 30.11.2026, Preis 1.299,00 €"),
                nothing("Flug LH 400 um 10:30 Uhr, Gate 23"),
                nothing("Vol AF 1234 retardé de 45 minutes"),
                nothing("Room 404, 2 nights, 3 guests"),
                nothing("ISBN 978-3-16-148410-0 is out of stock"),
                nothing("12345"),
                nothing("2026年11月30日に注文しました"),
                // Sixteen digits that fail the Luhn check, and an IBAN with a wrong check digit.
                nothing("ticket 4111 1111 1111 1112"),
                nothing("DE89 3704 0044 0532 0130 01"),
                // Handles and addresses that are not email addresses.
                nothing("@AcmeCare please help"),
                nothing("ping me at john@localhost"),
                nothing("a@b"),
                // Links: a Public-to-Private link names the brand's account, not the consumer.
                nothing("DM us: https://twitter.com/messages/compose?recipient_id=2000001"),
                nothing("see www.example.com/track/4111111111111111 for details"),
                // Another brand's order number format.
                nothing("order GX20261130 arrived"),
                nothing(""),
                nothing(null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("found")
    void findsWhatIsThere(String text, String brand, List<PersonalDataKind> expected) {
        assertThat(SCANNER.scan(brand, text)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notFound")
    void findsNothingWhereThereIsNone(String text) {
        assertThat(SCANNER.scan("acme", text)).isEmpty();
    }

    @Test
    void aBrandUsesItsOwnRegionsBeforeTheDefaults() {
        // 0151 … is a German mobile number; globex lists only DE, acme the default regions.
        assertThat(SCANNER.scan("globex", "(415) 555-2671")).isEmpty();
        assertThat(SCANNER.scan("acme", "(415) 555-2671")).containsExactly(PHONE);
        assertThat(SCANNER.scan("someone-else", "(415) 555-2671")).containsExactly(PHONE);
    }

    @Test
    void anUnknownRegionIsAConfigurationError() {
        assertThatThrownBy(
                        () ->
                                new PersonalDataScanner(
                                        settings(Map.of("default", brand(List.of("XX"), null)))))
                .hasMessageContaining("XX is not a phone region");
    }

    private static Arguments found(String text, PersonalDataKind... kinds) {
        return found(text, "acme", kinds);
    }

    private static Arguments found(String text, String brand, PersonalDataKind... kinds) {
        return Arguments.of(text, brand, List.of(kinds));
    }

    private static Arguments nothing(String text) {
        return Arguments.of(text);
    }

    private static PersonalDataSettings settings(Map<String, PersonalDataSettings.Brand> brands) {
        return () -> brands;
    }

    private static PersonalDataSettings.Brand brand(List<String> regions, String orderNumber) {
        return new PersonalDataSettings.Brand() {
            @Override
            public Optional<List<String>> phoneRegions() {
                return Optional.ofNullable(regions);
            }

            @Override
            public Optional<String> orderNumber() {
                return Optional.ofNullable(orderNumber);
            }
        };
    }
}
