package com.lumiku.payments.entity;

/**
 * A plan for sale: a payment of {@code price} rupiah gives (or extends) the buyer's quota tier in
 * {@code app} by {@code days}, with {@code dailyQuota} units a day (e.g. the unlimited Pose
 * Generator). Inactive plans are listed for nobody and cannot be bought.
 */
public record QuotaPlan(
    String id, String app, int days, int dailyQuota, long price, boolean active) {}
