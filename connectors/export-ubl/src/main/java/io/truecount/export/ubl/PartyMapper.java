package io.truecount.export.ubl;

import io.truecount.core.contract.Address;
import io.truecount.core.contract.Company;
import io.truecount.core.contract.Customer;
import java.util.function.Consumer;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AddressType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CountryType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.CustomerPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyLegalEntityType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyNameType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyTaxSchemeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.SupplierPartyType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxSchemeType;

/** The seller (the MSP) and the buyer (its customer) as UBL parties. */
final class PartyMapper {

    /**
     * EN 16931 names every tax scheme {@code VAT}, US sales tax included (the UBL schematron checks the literal
     * value).
     */
    static final String TAX_SCHEME = "VAT";

    private PartyMapper() {}

    /** The seller, with its tax registration: EN 16931 needs it for categories S, Z and E (BR-S-02, BR-Z-02). */
    static SupplierPartyType supplier(Company company) {
        PartyType party = party(company.name(), company.address());
        PartyTaxSchemeType registration = new PartyTaxSchemeType();
        registration.setCompanyID(company.taxId());
        registration.setTaxScheme(taxScheme());
        party.addPartyTaxScheme(registration);
        party.addPartyLegalEntity(legalEntity(company.name()));
        SupplierPartyType supplier = new SupplierPartyType();
        supplier.setParty(party);
        return supplier;
    }

    /** The buyer; its name counts only as {@code PartyLegalEntity/RegistrationName} (BR-7), not as a party name. */
    static CustomerPartyType customer(Customer customer) {
        PartyType party = party(customer.name(), customer.address());
        party.addPartyLegalEntity(legalEntity(customer.name()));
        CustomerPartyType buyer = new CustomerPartyType();
        buyer.setParty(party);
        return buyer;
    }

    static TaxSchemeType taxScheme() {
        TaxSchemeType scheme = new TaxSchemeType();
        scheme.setID(TAX_SCHEME);
        return scheme;
    }

    private static PartyType party(String name, Address address) {
        PartyType party = new PartyType();
        PartyNameType partyName = new PartyNameType();
        partyName.setName(name);
        party.addPartyName(partyName);
        party.setPostalAddress(postalAddress(address));
        return party;
    }

    private static PartyLegalEntityType legalEntity(String name) {
        PartyLegalEntityType entity = new PartyLegalEntityType();
        entity.setRegistrationName(name);
        return entity;
    }

    /**
     * Only the parts the address has (all but the country are optional); an empty element would break stricter
     * profiles such as PEPPOL BIS (PEPPOL-EN16931-R008).
     */
    private static AddressType postalAddress(Address address) {
        AddressType postal = new AddressType();
        setIfPresent(address.line1(), postal::setStreetName);
        setIfPresent(address.line2(), postal::setAdditionalStreetName);
        setIfPresent(address.city(), postal::setCityName);
        setIfPresent(address.postalCode(), postal::setPostalZone);
        setIfPresent(address.region(), postal::setCountrySubentity);
        CountryType country = new CountryType();
        country.setIdentificationCode(address.country());
        postal.setCountry(country);
        return postal;
    }

    private static void setIfPresent(String value, Consumer<String> setter) {
        if (value != null && !value.isBlank()) {
            setter.accept(value);
        }
    }
}
