{{ fact_table('infrastructure') }}
