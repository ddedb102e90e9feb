"""The asset keys other modules refer to, in one place (checks must not import asset modules)."""
import dagster as dg

SOURCES = dg.AssetKey(["sources"])
RAW_REPORTS = dg.AssetKey(["raw", "reports"])
RAW_REJECTED = dg.AssetKey(["raw", "rejected_reports"])
RAW_OBSERVATIONS = dg.AssetKey(["raw", "observations"])
FIGURE_STORE = dg.AssetKey(["raw", "figure_store"])
PUBLISHED = dg.AssetKey(["warehouse", "published"])
ALERTS = dg.AssetKey(["warehouse", "alerts"])
