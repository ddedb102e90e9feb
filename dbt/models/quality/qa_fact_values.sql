-- One row per figure of the three fact tables, with the indicator's usual unit and the
-- figure's kind, so the range checks (GX suite expectations/fact_ranges.json) can tell
-- whole counts.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'value', 'unit', 'evidence', 'quote']) }}
),

indicators as (
    select indicator_code, unit from {{ ref('dim_indicator') }}
),

-- What the extractor read the figure as: a rate per 100 inhabitants (density), a length
-- or an amount of money is not a count of things, whatever its indicator usually counts.
kinds as (
    select observation_key as fact_key, figure_kind from {{ ref('stg_observations') }}
)

select
    f.fact_key,
    f.domain,
    f.report_key,
    f.province_code,
    f.indicator_code,
    f.value,
    f.unit,
    i.unit as indicator_unit,
    k.figure_kind,
    case
        when k.figure_kind in ('density', 'per_one', 'average', 'multiple', 'measure', 'money', 'comparison') then null
        when f.unit = 'count' and i.unit = 'count' then f.value = floor(f.value)
    end as is_whole_count,
    f.evidence,
    f.quote
from facts as f
left join indicators as i on i.indicator_code = f.indicator_code
left join kinds as k on k.fact_key = f.fact_key
