package io.wabill.sim.engine;

/** Which instant a CBP conversation's expiry is rounded up from (B5). */
public enum ExpiryBase { DELIVERY, SEND }
