-- Figures of the same province, indicator, level, unit, reference date (as-of date, else
-- publication date) and breakdown row (a table row for one district or operator, else
-- none) reported by two or more different reports: one row per figure of such a group,
-- with the values of other reports that contradict it.
--
-- A value is contradicted by a different but close value of another report (within 25 %
-- of the larger) when that other report does not state the value itself. Far-apart values
-- of one indicator are different things (a total and one of its kinds: 1.245 stations and
-- 702 of them 4G), not a disagreement. Targets, parts of a stated total, ranks, multiples,
-- comparison columns, estimate columns ("Ước thực hiện"), hedged figures ("gần 93%") and the
-- figures a district or commune states of itself in its own report are left out.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'admin_level', 'value', 'unit', 'as_of_date', 'published_date', 'is_target', 'parent_fact_key']) }}
),

-- The sentences are joined to the figures of a group at the end only: `comparable` and
-- `members` are read more than once, so DuckDB materializes them, and with every
-- figure's sentence they took over 1 GB at 10,000 reports.
evidence as (
    {{ all_facts(['fact_key', 'evidence']) }}
),

observations as (
    select observation_key, figure_kind, table_row, table_column, admin_level_source, qualifier from {{ ref('stg_observations') }}
),

comparable as (
    select
        f.fact_key,
        f.report_key,
        f.province_code,
        f.indicator_code,
        f.admin_level,
        coalesce(f.as_of_date, f.published_date) as reference_date,
        {{ dbt.concat([
            "f.province_code", "'|'", "f.indicator_code", "'|'", "f.admin_level", "'|'", "f.unit", "'|'",
            "cast(coalesce(f.as_of_date, f.published_date) as " ~ dbt.type_string() ~ ")", "'|'",
            "coalesce(o.table_row, '')"
        ]) }} as comparison_key,
        f.value
    from facts as f
    left join observations as o on o.observation_key = f.fact_key
    where not f.is_target
        and f.parent_fact_key is null
        and f.province_code is not null
        and coalesce(f.as_of_date, f.published_date) is not null
        and f.indicator_code not in ('infrastructure_other', 'services_other', 'workforce_other', 'unclassified')
        and coalesce(o.figure_kind, 'count') not in ('rank', 'comparison', 'multiple')
        -- an estimate ("Ước thực hiện 2024") is expected to differ from the final figure
        and lower(coalesce(o.table_column, '')) not like 'ước%'
        -- a district's or commune's own report states that one place's figures: other reports'
        -- figures at its level are of other places, or of all of them
        and coalesce(o.admin_level_source, 'text') <> 'issuer'
        -- a hedged figure ("gần 93%", "hơn 1.200 trạm") bounds or rounds a value, it states none
        and o.qualifier is null
),

groups as (
    select
        comparison_key,
        count(distinct report_key) as group_reports,
        count(distinct value) as group_distinct_values
    from comparable
    group by comparison_key
    having count(distinct report_key) >= 2
),

members as (
    select c.*, g.group_reports, g.group_distinct_values
    from comparable as c
    inner join groups as g on g.comparison_key = c.comparison_key
),

-- For each figure, the distinct close values of other reports of its group that those
-- reports do not also state as this figure's value.
contradicting as (
    select
        a.fact_key,
        count(distinct b.value) as contradicting_values,
        min(b.value) as contradicting_value
    from members as a
    inner join members as b
        on b.comparison_key = a.comparison_key
        and b.report_key <> a.report_key
        and b.value <> a.value
        and abs(b.value - a.value) <= 0.25 * (case when abs(a.value) > abs(b.value) then abs(a.value) else abs(b.value) end)
    where not exists (
        select 1
        from members as same
        where same.comparison_key = a.comparison_key
            and same.report_key = b.report_key
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
    c.contradicting_value,
    e.evidence
from members as m
inner join evidence as e on e.fact_key = m.fact_key
left join contradicting as c on c.fact_key = m.fact_key
