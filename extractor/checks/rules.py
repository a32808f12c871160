"""Every rule id the checker can raise, by family: the stable names users filter and count on."""

from __future__ import annotations

RULES: dict[str, str] = {
    "budget_total_mismatch": "totals",
    "budget_project_count_mismatch": "totals",
    "table_total_mismatch": "totals",
    "breakdown_sum_mismatch": "totals",
    "poverty_rate_mismatch": "rates",
    "poverty_rate_base_conflict": "rates",
    "poverty_rate_conflict": "rates",
    "multidimensional_sum_mismatch": "rates",
    "poverty_count_conflict": "rates",
    "poverty_count_difference_mismatch": "differences",
    "poverty_rate_difference_mismatch": "differences",
    "poverty_reduction_share_mismatch": "differences",
    "household_list_count_mismatch": "lists",
    "village_count_mismatch": "lists",
    "village_list_count_mismatch": "lists",
    "household_listed_twice": "lists",
    "household_in_two_categories": "lists",
    "workers_exceed_members": "sanity",
    "households_exceed_total": "sanity",
    "reduction_exceeds_level": "sanity",
    "part_exceeds_whole": "sanity",
    "percent_over_100": "sanity",
    "cited_document_after_plan": "sanity",
    "impossible_date": "sanity",
    "date_after_issue": "sanity",
    "date_outside_period": "sanity",
    "year_contradicts_plan": "sanity",
}
