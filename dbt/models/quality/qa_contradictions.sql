-- Figures of the same province, indicator, level and reference date (as-of date, else
-- publication date) reported by two or more different reports: one row per figure of
-- such a group. A group with more than one distinct value is a contradiction.
with facts as (
    {{ all_facts(['fact_key', 'report_key', 'province_code', 'indicator_code', 'admin_level', 'value', 'as_of_date', 'published_date', 'is_target', 'evidence']) }}
),

comparable as (
    select
        fact_key,
        report_key,
        province_code,
        indicator_code,
        admin_level,
        coalesce(as_of_date, published_date) as reference_date,
        value,
        evidence
    from facts
    where not is_target
        and province_code is not null
        and coalesce(as_of_date, published_date) is not null
        and indicator_code not in ('infrastructure_other', 'services_other', 'workforce_other', 'unclassified')
),

groups as (
    select
        province_code,
        indicator_code,
        admin_level,
        reference_date,
        count(distinct report_key) as group_reports,
        count(distinct value) as group_distinct_values
    from comparable
    group by province_code, indicator_code, admin_level, reference_date
    having count(distinct report_key) >= 2
)

select
    c.fact_key,
    c.report_key,
    c.province_code,
    c.indicator_code,
    c.admin_level,
    c.reference_date,
    c.value,
    {{ dbt.concat([
        "c.province_code", "'|'", "c.indicator_code", "'|'", "c.admin_level", "'|'",
        "cast(c.reference_date as " ~ dbt.type_string() ~ ")"
    ]) }} as group_key,
    g.group_reports,
    g.group_distinct_values,
    c.evidence
from comparable as c
inner join groups as g
    on g.province_code = c.province_code
    and g.indicator_code = c.indicator_code
    and g.admin_level = c.admin_level
    and g.reference_date = c.reference_date
