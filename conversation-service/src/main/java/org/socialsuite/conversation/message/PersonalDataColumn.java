package org.socialsuite.conversation.message;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.List;
import org.socialsuite.events.PersonalDataKind;

/**
 * The kinds of personal data as one text column ({@code EMAIL,PHONE}, null for none): a plain
 * column goes through the set-based inserts' arrays, where an array per row would not.
 */
@Converter
public class PersonalDataColumn implements AttributeConverter<List<PersonalDataKind>, String> {

    public static final PersonalDataColumn INSTANCE = new PersonalDataColumn();

    @Override
    public String convertToDatabaseColumn(List<PersonalDataKind> kinds) {
        if (kinds == null || kinds.isEmpty()) {
            return null;
        }
        return String.join(",", kinds.stream().map(Enum::name).toList());
    }

    @Override
    public List<PersonalDataKind> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(PersonalDataKind::valueOf).toList();
    }
}
