{{ config(materialized='view') }}

-- The scorecard with, for each latest value, its rank among the provinces that report
-- the same series and its change from the province's previous dated value.
select
    c.province_code,
    c.province_name_vi,
    c.domain,
    c.indicator_code,
    c.indicator_name_vi,
    c.admin_level,
    c.unit,
    c.base,
    c.value,
    c.reference_date,
    rank() over (
        partition by c.indicator_code, c.admin_level, c.unit, c.base
        order by c.value desc
    ) as rank_among_provinces,
    count(*) over (
        partition by c.indicator_code, c.admin_level, c.unit, c.base
    ) as provinces_ranked,
    s.previous_value,
    s.previous_reference_date,
    c.value - s.previous_value as change_from_previous,
    c.report_key,
    s.previous_report_key,
    c.source_file,
    c.fact_key
from {{ ref('bi_province_scorecard') }} as c
inner join {{ ref('int_actual_values') }} as s on s.fact_key = c.fact_key
