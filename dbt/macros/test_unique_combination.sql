{#- Rows whose combination of `columns` is not unique (nulls compare equal).
    dbt_utils has this test, but packages cannot be downloaded at run time. -#}
{% test unique_combination_of_columns(model, columns) %}
select {{ columns | join(', ') }}, count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
