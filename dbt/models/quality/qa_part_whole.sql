-- One row per stated total that has parts (figures whose parent_fact_key points at it):
-- do the parts stay within the total? Parts may sit in any of the three fact tables.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'value', 'unit', 'evidence', 'parent_fact_key']) }}
),

parts as (
    select
        p.parent_fact_key as total_fact_key,
        count(*) as parts_count,
        sum(p.value) as parts_sum,
        sum(case when p.unit = t.unit then 0 else 1 end) as parts_in_other_unit,
        {{ dbt.listagg("p.fact_key", "', '", "order by p.fact_key") }} as part_fact_keys
    from facts as p
    inner join facts as t on t.fact_key = p.parent_fact_key
    group by p.parent_fact_key
),

-- Totals whose parts are all of them (a table's "Tổng cộng" row over its member rows), with
-- how many parts the extractor linked: a part that left the fact tables (another domain)
-- makes the sum incomplete, and the total is then compared like a "trong đó" list.
-- A figure is exact when it is a whole number written out in full: no hedge ("khoảng",
-- "hơn") and no scale word ("1,2 triệu"), which round it.
complete_totals as (
    select
        t.observation_key as total_fact_key,
        count(p.observation_key) as parts_linked,
        bool_and(
            t.qualifier is null and t.multiplier is null and t.value = round(t.value)
            and p.qualifier is null and p.multiplier is null and p.value = round(p.value)
        ) as all_exact
    from {{ ref('stg_observations') }} as t
    inner join {{ ref('stg_observations') }} as p
        on p.report_key = t.report_key and p.parent_ordinal = t.ordinal
    where t.parts_complete
    group by t.observation_key
),

compared as (
    select
        t.fact_key as total_fact_key,
        t.report_key,
        t.province_code,
        t.indicator_code,
        t.unit,
        t.value as total_value,
        p.parts_count,
        p.parts_sum,
        p.parts_sum - t.value as sum_gap,
        case
            when p.parts_in_other_unit > 0 then 'mixed_units'
            when c.parts_linked = p.parts_count and p.parts_count > 1 then 'complete'
            when p.parts_count = 1 then 'subset'
            else 'sum'
        end as comparison,
        coalesce(c.all_exact, false) as all_exact,
        p.part_fact_keys,
        t.evidence
    from parts as p
    inner join facts as t on t.fact_key = p.total_fact_key
    left join complete_totals as c on c.total_fact_key = p.total_fact_key
)

select
    total_fact_key,
    report_key,
    province_code,
    indicator_code,
    unit,
    total_value,
    parts_count,
    parts_sum,
    sum_gap,
    comparison,
    all_exact,
    -- A "trong đó"/"bao gồm" list may name only some of the parts ("1.024 toàn trình,
    -- 412 một phần" of 1.836 procedures): it is wrong only when its parts exceed the total.
    -- A sum row adds up every row above it: it is wrong when it differs from their sum; by
    -- more than rounding (a thousandth of the total) when a figure is rounded, at all when
    -- every figure is an exact whole count (one certificate too many is an error).
    case
        when comparison = 'complete' and all_exact then abs(sum_gap) <= 0.01
        when comparison = 'complete' then abs(sum_gap) <= greatest(0.01, 0.001 * abs(total_value))
        when comparison in ('sum', 'subset') then sum_gap <= 0.01
    end as is_consistent,
    part_fact_keys,
    evidence
from compared
