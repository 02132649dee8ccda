package io.truecount.export.ubl;

import io.truecount.core.invoice.InvoiceLine;
import java.math.BigDecimal;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.AllowanceChargeType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.InvoiceLineType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemIdentificationType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.ItemType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.PriceType;
import oasis.names.specification.ubl.schema.xsd.commonaggregatecomponents_21.TaxCategoryType;
import oasis.names.specification.ubl.schema.xsd.commonbasiccomponents_21.AllowanceChargeReasonType;

/** One Truecount line as one UBL {@code InvoiceLine} that adds up exactly (see {@link LinePricing}). */
final class LineMapper {

    static final String PRORATION_REASON = "Proration for a partial period";
    static final String ADJUSTMENT_REASON = "Adjustment to the billed amount";

    private final UblMoney money;
    private final TaxBreakdown tax;

    LineMapper(UblMoney money, TaxBreakdown tax) {
        this.money = money;
        this.tax = tax;
    }

    /** @param position 1-based, the line's id in the document */
    InvoiceLineType map(InvoiceLine line, int position) {
        String unitCode = line.unit().uneceCode();
        LinePricing pricing = LinePricing.of(line, money.scale());
        InvoiceLineType ubl = new InvoiceLineType();
        ubl.setID(Integer.toString(position));
        ubl.setInvoicedQuantity(line.quantity()).setUnitCode(unitCode);
        money.amount(ubl::setLineExtensionAmount, line.amount());
        if (pricing.adjustment().signum() != 0) {
            ubl.addAllowanceCharge(adjustment(pricing.adjustment(), line.unitPrice() != null));
        }
        ubl.setItem(item(line));
        ubl.setPrice(price(pricing, unitCode));
        return ubl;
    }

    private ItemType item(InvoiceLine line) {
        ItemType item = new ItemType();
        item.setName(line.description());
        ItemIdentificationType sellersId = new ItemIdentificationType();
        sellersId.setID(line.contractId() + "/" + line.lineId());
        item.setSellersItemIdentification(sellersId);
        TaxBreakdown.Category category = tax.categoryOf(line);
        TaxCategoryType classified = new TaxCategoryType();
        classified.setID(category.code());
        classified.setPercent(category.percent());
        classified.setTaxScheme(PartyMapper.taxScheme());
        item.addClassifiedTaxCategory(classified);
        return item;
    }

    private PriceType price(LinePricing pricing, String unitCode) {
        PriceType price = new PriceType();
        money.price(price::setPriceAmount, pricing.priceAmount());
        if (pricing.baseQuantity() != null) {
            price.setBaseQuantity(pricing.baseQuantity()).setUnitCode(unitCode);
        }
        return price;
    }

    /**
     * A negative adjustment (the line bills less than quantity x price) is an allowance, a positive one a charge; the
     * amount is always positive. With a unit price the usual cause is proration of a partial period.
     */
    private AllowanceChargeType adjustment(BigDecimal adjustment, boolean fromUnitPrice) {
        AllowanceChargeType allowanceCharge = new AllowanceChargeType();
        boolean charge = adjustment.signum() > 0;
        allowanceCharge.setChargeIndicator(charge);
        String reason = fromUnitPrice && !charge ? PRORATION_REASON : ADJUSTMENT_REASON;
        allowanceCharge.addAllowanceChargeReason(new AllowanceChargeReasonType(reason));
        money.amount(allowanceCharge::setAmount, adjustment.abs());
        return allowanceCharge;
    }
}
