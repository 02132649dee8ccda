package io.truecount.core.billing;

import io.truecount.core.invoice.SourceRef;
import java.math.BigDecimal;
import java.util.List;

/** A billed quantity and the observations it was counted from. */
record Counted(BigDecimal quantity, List<SourceRef> sources) {

    Counted {
        sources = List.copyOf(sources);
    }
}
