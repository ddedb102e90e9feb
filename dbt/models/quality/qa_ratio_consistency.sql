-- One row per "x/y" figure (numerator and denominator both given): the share it
-- implies, whether x exceeds y, and how far a stated percentage is from x/y once
-- x/y is rounded to the decimals the stated figure shows. The fact tables' columns
-- are already double; no cast to dbt.type_float() (it is a 4-byte FLOAT on DuckDB).
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'value', 'unit', 'numerator', 'denominator', 'stated_percent', 'evidence', 'quote']) }}
),

-- A density ("106,8 thuê bao/100 dân"), a per-one rate ("cứ 2,2 cán bộ có 1 máy"), a
-- multiple or a rank is no share of a whole: x above y is not an error there.
shares as (
    select f.*
    from facts as f
    left join {{ ref('stg_observations') }} as o on o.observation_key = f.fact_key
    where coalesce(o.figure_kind, 'ratio') not in ('density', 'per_one', 'multiple', 'rank')
),

ratios as (
    select
        *,
        100 * numerator / nullif(denominator, 0) as computed_percent,
        -- Decimals the stated figure shows (64 -> 0, 96.9 -> 1, 103.78 -> 2); at most 2.
        case
            when stated_percent is null then null
            when abs(stated_percent - round(stated_percent, 0)) < 0.000001 then 0
            when abs(stated_percent - round(stated_percent, 1)) < 0.000001 then 1
            else 2
        end as stated_decimals
    from shares
    where numerator is not null and denominator is not null
)

select
    fact_key,
    report_key,
    province_code,
    indicator_code,
    value,
    unit,
    numerator,
    denominator,
    computed_percent,
    numerator > denominator as numerator_exceeds_denominator,
    stated_percent,
    stated_decimals,
    -- Rounded to 6 decimals so that float noise (103.78 - 103.78) reads as 0.
    round(abs(
        case stated_decimals
            when 0 then round(computed_percent, 0)
            when 1 then round(computed_percent, 1)
            when 2 then round(computed_percent, 2)
        end - stated_percent
    ), 6) as percent_gap,
    evidence,
    quote
from ratios
