package dev.kaiyuan.model;

/** How much of a date is known: a day, a month, a year or a decade. */
public enum DatePrecision {
    DAY, MONTH, YEAR, DECADE
}
