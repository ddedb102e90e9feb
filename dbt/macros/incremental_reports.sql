{#- Incremental models keyed by report (int_observations_classified, fct_*): a run processes
    only the reports that are new or changed; delete+insert on `report_key` replaces their
    rows. Reports that left the source (or lost every row) are removed by the post-hook
    `delete_rows_gone_from`. The pipeline builds with --full-refresh when asked
    (PDX_FULL_REFRESH), when the code or extractor changed since the published build, and
    dbt does when the table does not exist yet. -#}

{% macro delete_rows_gone_from(source_relation, where=none, key='report_key') -%}
    {#- Rows of this model whose key no longer appears in `source_relation` (filtered by `where`). -#}
    delete from {{ this }}
    where {{ key }} not in (
        select {{ key }} from {{ source_relation }}
        {%- if where %} where {{ where }}{% endif %}
    )
{%- endmacro %}
