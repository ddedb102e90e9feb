{#- The figures of the three fact tables as one relation, with their `domain`.
    Models that look across domains (quality checks, BI views) read this. -#}
{% macro all_facts(columns) -%}
{%- for domain in ['infrastructure', 'services', 'workforce'] %}
    select {{ columns | join(', ') }}, '{{ domain }}' as domain
    from {{ ref('fct_' ~ domain) }}
    {%- if not loop.last %}
    union all
    {%- endif %}
{%- endfor %}
{%- endmacro %}
