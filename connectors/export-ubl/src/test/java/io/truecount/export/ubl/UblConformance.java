package io.truecount.export.ubl;

import com.helger.diagnostics.error.IError;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.api.validity.IValidityDeterminator;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import com.helger.xml.serialize.read.DOMReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;

/**
 * Validates a UBL 2.1 Invoice the way OUTPUTS.md defines conformance: the UBL 2.1 XSD, then the EN 16931 UBL
 * schematron (rules 1.3.16). Shared through this module's test-jar by every module that writes invoice files.
 */
public final class UblConformance {

    /**
     * The compiled schematron (a 900 kB XSLT) takes seconds to build; one registry per JVM keeps that cost to once per
     * test run.
     */
    private static final IValidationExecutorSet<IValidationSourceXML> EN16931_UBL_INVOICE = en16931UblInvoice();

    private UblConformance() {}

    /**
     * Every finding of severity error or fatal error, one readable line each ({@code [rule] message (location)});
     * empty when the document conforms. Warnings are left out: EN 16931 does not reject a document for them.
     */
    public static List<String> errors(byte[] xml) {
        Document document = DOMReader.readXMLDOM(xml);
        if (document == null) {
            return List.of("Not well-formed XML");
        }
        ValidationResultList results = ValidationExecutionManager.executeValidation(
                IValidityDeterminator.createDefault(),
                EN16931_UBL_INVOICE,
                ValidationSourceXML.create("invoice.xml", document),
                Locale.ROOT);
        List<String> errors = new ArrayList<>();
        results.forEachFlattened(IError::isError, error -> errors.add(describe(error)));
        return errors;
    }

    /** The schematron's texts already start with their rule id, and the XSD's repeat their exception's message. */
    private static String describe(IError error) {
        String text = String.valueOf(error.getErrorText(Locale.ROOT));
        StringBuilder line = new StringBuilder();
        if (error.getErrorID() != null && !text.contains(error.getErrorID())) {
            line.append('[').append(error.getErrorID()).append("] ");
        }
        line.append(text);
        if (error.hasLinkedException() && !text.contains(String.valueOf(error.getLinkedExceptionMessage()))) {
            line.append(": ").append(error.getLinkedExceptionMessage());
        }
        if (error.getErrorFieldName() != null) {
            line.append(" at ").append(error.getErrorFieldName());
        }
        return line.toString();
    }

    private static IValidationExecutorSet<IValidationSourceXML> en16931UblInvoice() {
        ValidationExecutorSetRegistry<IValidationSourceXML> registry = new ValidationExecutorSetRegistry<>();
        EN16931Validation.initEN16931(registry);
        IValidationExecutorSet<IValidationSourceXML> set = registry.getOfID(EN16931Validation.VID_UBL_INVOICE_1316);
        if (set == null) {
            throw new IllegalStateException("phive-rules-en16931 lacks " + EN16931Validation.VID_UBL_INVOICE_1316);
        }
        return set;
    }
}
