-- Figures of the same province, indicator, level, unit and reference date (as-of date, else
-- publication date) reported by two or more different reports: one row per figure of such
-- a group, with the values of other reports that contradict it.
--
-- A value is contradicted by a different but close value of another report (within 25 %
-- of the larger) when that other report does not state the value itself. Far-apart values
-- of one indicator are different things (a total and one of its kinds: 1.245 stations and
-- 702 of them 4G), not a disagreement. Parts of a stated total, breakdown rows of a table
-- (one district, one operator) and rates that are not a share are left out; a breakdown
-- row is compared only with the same row of another report.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'admin_level', 'value', 'unit', 'as_of_date', 'published_date', 'is_target', 'evidence', 'parent_fact_key']) }}
),

observations as (
    select observation_key, figure_kind, table_row from {{ ref('stg_observations') }}
),

comparable as (
    select
        f.fact_key,
        f.report_key,
        f.province_code,
        f.indicator_code,
        f.admin_level,
        f.unit,
        coalesce(f.as_of_date, f.published_date) as reference_date,
        coalesce(o.table_row, '') as table_row,
        f.value,
        f.evidence
    from facts as f
    left join observations as o on o.observation_key = f.fact_key
    where not f.is_target
        and f.parent_fact_key is null
        and f.province_code is not null
        and coalesce(f.as_of_date, f.published_date) is not null
        and f.indicator_code not in ('infrastructure_other', 'services_other', 'workforce_other', 'unclassified')
        and coalesce(o.figure_kind, 'count') not in ('rank', 'comparison', 'multiple')
),

groups as (
    select
        province_code,
        indicator_code,
        admin_level,
        unit,
        reference_date,
        table_row,
        count(distinct report_key) as group_reports,
        count(distinct value) as group_distinct_values
    from comparable
    group by province_code, indicator_code, admin_level, unit, reference_date, table_row
    having count(distinct report_key) >= 2
),

members as (
    select c.*, g.group_reports, g.group_distinct_values
    from comparable as c
    inner join groups as g
        on g.province_code = c.province_code
        and g.indicator_code = c.indicator_code
        and g.admin_level = c.admin_level
        and g.unit = c.unit
        and g.reference_date = c.reference_date
        and g.table_row = c.table_row
),

contradicting as (
    select
        a.fact_key,
        count(distinct b.value) as contradicting_values,
        min(b.value) as closest_other_value
    from members as a
    inner join members as b
        on b.province_code = a.province_code
        and b.indicator_code = a.indicator_code
        and b.admin_level = a.admin_level
        and b.unit = a.unit
        and b.reference_date = a.reference_date
        and b.table_row = a.table_row
        and b.report_key <> a.report_key
        and b.value <> a.value
        and abs(b.value - a.value) <= 0.25 * (case when abs(a.value) > abs(b.value) then abs(a.value) else abs(b.value) end)
    where not exists (
        select 1
        from members as same
        where same.report_key = b.report_key
            and same.province_code = a.province_code
            and same.indicator_code = a.indicator_code
            and same.admin_level = a.admin_level
            and same.unit = a.unit
            and same.reference_date = a.reference_date
            and same.table_row = a.table_row
            and same.value = a.value
    )
    group by a.fact_key
)

select
    m.fact_key,
    m.report_key,
    m.province_code,
    m.indicator_code,
    m.admin_level,
    m.reference_date,
    m.value,
    {{ dbt.concat([
        "m.province_code", "'|'", "m.indicator_code", "'|'", "m.admin_level", "'|'",
        "cast(m.reference_date as " ~ dbt.type_string() ~ ")"
    ]) }} as group_key,
    m.group_reports,
    m.group_distinct_values,
    coalesce(c.contradicting_values, 0) as contradicting_values,
    c.closest_other_value as contradicting_value,
    m.evidence
from members as m
left join contradicting as c on c.fact_key = m.fact_key
