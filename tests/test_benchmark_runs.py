"""The parallel/incremental benchmark scenario counts what a user's re-runs would do."""

from extractor.benchmark.runs import format_figures, run_scenario


def test_rerun_scenario_skips_unchanged_rereads_changed_and_prunes_removed(tmp_path):
    figures = run_scenario(tmp_path, n=4, jobs=2, seed=3)
    assert figures["first_run_read"] == 4
    assert figures["unchanged_skipped"] == 4  # every file skipped by content hash
    assert figures["changed_read"] == 1  # 1 file in 100 changed: the first
    assert (figures["removed_found"], figures["pruned"]) == (1, 1)
    assert all(figures[key] > 0 for key in ("first_run_j1_s", "first_run_j2_s", "unchanged_rerun_s"))
    assert "re-run, unchanged" in format_figures(figures)
