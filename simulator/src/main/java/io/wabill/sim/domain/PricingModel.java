package io.wabill.sim.domain;

/** The pricing model Meta reports on a row: PMP-26 still reports PMP. */
public enum PricingModel { NBP, CBP, PMP }
