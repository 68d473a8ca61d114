package org.praxis.platform.crypto;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import io.quarkus.arc.Arc;

/** Put {@code @Convert(converter = EncryptedText.class)} on a free-text column to keep it encrypted at rest. */
@Converter
public class EncryptedText implements AttributeConverter<String, String> {
    private static FieldCipher cipher() {
        return Arc.container().instance(FieldCipher.class).get();
    }

    @Override
    public String convertToDatabaseColumn(String attribute) {
        return attribute == null ? null : cipher().encrypt(attribute);
    }

    @Override
    public String convertToEntityAttribute(String dbData) {
        return dbData == null ? null : cipher().decrypt(dbData);
    }
}
