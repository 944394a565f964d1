package org.socialsuite.conversation.privacy;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.validator.routines.CreditCardValidator;
import org.apache.commons.validator.routines.EmailValidator;
import org.apache.commons.validator.routines.IBANValidator;
import org.socialsuite.conversation.message.Message;
import org.socialsuite.events.MessageDirection;
import org.socialsuite.events.PersonalDataKind;
import org.socialsuite.events.Visibility;

/**
 * Finds personal data in a text: email addresses and card numbers by Apache Commons Validator (the
 * address's domain against IANA's list; the card's issuer range and Luhn digit), IBANs by its
 * country formats and check digits, phone numbers by Google's libphonenumber in the brand's
 * regions, and order numbers by the brand's own pattern. A loose pattern only proposes candidates;
 * the libraries decide, so a price, a date or a version number is not a phone number. Digits a
 * card, an IBAN or an order number took are not read again as a phone number, and a link's digits
 * (a Public-to-Private link names the brand's account) are not read at all.
 */
@ApplicationScoped
public class PersonalDataScanner {

    static final String DEFAULT = "default";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final EmailValidator EMAILS = EmailValidator.getInstance(false, false);
    private static final CreditCardValidator CARDS =
            new CreditCardValidator(
                    CreditCardValidator.AMEX
                            + CreditCardValidator.VISA
                            + CreditCardValidator.MASTERCARD
                            + CreditCardValidator.DISCOVER
                            + CreditCardValidator.DINERS
                            + CreditCardValidator.VPAY);
    private static final IBANValidator IBANS = IBANValidator.getInstance();

    private static final Pattern LINK = Pattern.compile("(?i)\\b(?:https?://|www\\.)\\S+");
    private static final Pattern EMAIL_CANDIDATE =
            Pattern.compile("[\\p{L}\\p{N}._%+'-]+@[\\p{L}\\p{N}.-]+");

    /** 13 to 19 digits, single spaces or dashes between them, as cards are written. */
    private static final Pattern CARD_CANDIDATE =
            Pattern.compile("(?<![\\d-])\\d(?:[ -]?\\d){12,18}(?![\\d-])");

    /** A country code and two check digits; the rest is read by the country's length. */
    private static final Pattern IBAN_START =
            Pattern.compile("(?<![\\p{L}\\p{N}])[A-Za-z]{2}\\d{2}(?= ?[A-Za-z0-9])");

    private static final int FEWEST_PHONE_DIGITS = 6;
    private static final int FEWEST_CARD_DIGITS = 13;

    private final Map<String, Rules> brands;
    private final Rules defaults;

    public PersonalDataScanner(PersonalDataSettings settings) {
        PersonalDataSettings.Brand fallback = settings.brands().get(DEFAULT);
        this.defaults = Rules.of(fallback, null);
        this.brands =
                settings.brands().entrySet().stream()
                        .collect(
                                Collectors.toMap(
                                        Map.Entry::getKey,
                                        entry -> Rules.of(entry.getValue(), fallback)));
    }

    /**
     * Flags what a consumer's public message shows everyone, as it arrives or is edited; a private
     * message is between the consumer and the brand, and the brand's own words are the agents'.
     */
    public void flag(String brandId, Message message) {
        boolean everyoneReadsIt =
                message.direction == MessageDirection.INBOUND
                        && message.visibility == Visibility.PUBLIC;
        message.personalData = everyoneReadsIt ? scan(brandId, message.text) : List.of();
    }

    /** The kinds of personal data in the text, in a fixed order; empty when none. */
    public List<PersonalDataKind> scan(String brandId, String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        Rules rules = brands.getOrDefault(brandId, defaults);
        Set<PersonalDataKind> found = EnumSet.noneOf(PersonalDataKind.class);
        BitSet taken = new BitSet(text.length());
        Matcher links = LINK.matcher(text);
        while (links.find()) {
            taken.set(links.start(), links.end());
        }
        if (rules.orderNumber() != null
                && claim(text, rules.orderNumber(), taken, Matcher::group)) {
            found.add(PersonalDataKind.ORDER_NUMBER);
        }
        int digits = (int) text.chars().filter(Character::isDigit).count();
        if (digits >= FEWEST_CARD_DIGITS && cards(text, taken)) {
            found.add(PersonalDataKind.PAYMENT_CARD);
        }
        if (digits >= 2 && ibans(text, taken)) {
            found.add(PersonalDataKind.IBAN);
        }
        if (text.indexOf('@') >= 0 && emails(text, taken)) {
            found.add(PersonalDataKind.EMAIL);
        }
        if (digits >= FEWEST_PHONE_DIGITS && phones(text, rules.phoneRegions(), taken)) {
            found.add(PersonalDataKind.PHONE);
        }
        return List.copyOf(found);
    }

    private static boolean cards(String text, BitSet taken) {
        Matcher candidates = CARD_CANDIDATE.matcher(text);
        boolean any = false;
        while (candidates.find()) {
            if (free(taken, candidates.start(), candidates.end())
                    && CARDS.isValid(candidates.group().replaceAll("[ -]", ""))) {
                taken.set(candidates.start(), candidates.end());
                any = true;
            }
        }
        return any;
    }

    /** An IBAN is as long as its country says: read that many letters and digits, spaces aside. */
    private static boolean ibans(String text, BitSet taken) {
        Matcher starts = IBAN_START.matcher(text);
        boolean any = false;
        while (starts.find()) {
            IBANValidator.Validator country =
                    IBANS.getValidator(starts.group().substring(0, 2).toUpperCase(Locale.ROOT));
            if (country == null) {
                continue;
            }
            StringBuilder iban = new StringBuilder();
            int end = starts.start();
            while (end < text.length() && iban.length() < country.getIbanLength()) {
                char c = text.charAt(end);
                if (Character.isLetterOrDigit(c) && c < 128) {
                    iban.append(Character.toUpperCase(c));
                } else if (c != ' ' || iban.isEmpty()) {
                    break;
                }
                end++;
            }
            boolean whole = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (whole && free(taken, starts.start(), end) && IBANS.isValid(iban.toString())) {
                taken.set(starts.start(), end);
                any = true;
            }
        }
        return any;
    }

    private static boolean emails(String text, BitSet taken) {
        return claim(
                text,
                EMAIL_CANDIDATE,
                taken,
                candidate -> {
                    // A sentence's full stop is not part of the address.
                    String address = candidate.group().replaceAll("[.-]+$", "");
                    return EMAILS.isValid(address) ? address : null;
                });
    }

    private static boolean phones(String text, List<String> regions, BitSet taken) {
        for (String region : regions) {
            for (PhoneNumberMatch match :
                    PHONES.findNumbers(text, region, Leniency.VALID, Long.MAX_VALUE)) {
                if (free(taken, match.start(), match.end())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Marks what the pattern finds and the check accepts (a non-null answer) as taken. */
    private static boolean claim(
            String text, Pattern pattern, BitSet taken, Function<Matcher, String> accepted) {
        Matcher matcher = pattern.matcher(text);
        boolean any = false;
        while (matcher.find()) {
            if (!free(taken, matcher.start(), matcher.end())) {
                continue;
            }
            String value = accepted.apply(matcher);
            if (value != null && !value.isEmpty()) {
                taken.set(matcher.start(), matcher.start() + value.length());
                any = true;
            }
        }
        return any;
    }

    private static boolean free(BitSet taken, int start, int end) {
        return taken.get(start, end).isEmpty();
    }

    /** One brand's rules, its own settings before the defaults'. */
    private record Rules(List<String> phoneRegions, Pattern orderNumber) {

        static Rules of(PersonalDataSettings.Brand own, PersonalDataSettings.Brand fallback) {
            List<String> regions =
                    setting(own, fallback, PersonalDataSettings.Brand::phoneRegions)
                            .orElse(List.of("US"));
            Pattern orderNumber =
                    setting(own, fallback, PersonalDataSettings.Brand::orderNumber)
                            .map(Pattern::compile)
                            .orElse(null);
            for (String region : regions) {
                if (!PHONES.getSupportedRegions().contains(region)) {
                    throw new IllegalStateException(
                            "conversation.personal-data: " + region + " is not a phone region");
                }
            }
            return new Rules(List.copyOf(regions), orderNumber);
        }

        private static <T> Optional<T> setting(
                PersonalDataSettings.Brand own,
                PersonalDataSettings.Brand fallback,
                Function<PersonalDataSettings.Brand, Optional<T>> read) {
            Optional<T> value = own == null ? Optional.empty() : read.apply(own);
            return value.isPresent() || fallback == null ? value : read.apply(fallback);
        }
    }
}
