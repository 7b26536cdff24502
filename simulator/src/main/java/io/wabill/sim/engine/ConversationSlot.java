package io.wabill.sim.engine;

import io.wabill.sim.domain.TemplateCategory;

/** The conversations a pair can have open at once under CBP (B1, C1, C2). */
final class ConversationSlot {
    static final int MARKETING = 0;
    static final int UTILITY = 1;
    static final int AUTHENTICATION = 2;
    static final int SERVICE = 3;
    /** The single conversation of CBP-1, user- or business-initiated. */
    static final int CBP1 = 4;
    static final int COUNT = 5;

    private ConversationSlot() {}

    static int of(TemplateCategory c) {
        switch (c) {
            case MARKETING: case MARKETING_LITE: return MARKETING;
            case UTILITY: return UTILITY;
            default: return AUTHENTICATION;
        }
    }
}
