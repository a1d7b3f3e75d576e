"""Operational rules, registered explicitly in order."""

from archbuilder.validation.rules import (
    ops_certificate_email_validation,
    ops_classic_load_balancer,
    ops_default_db_parameter_group,
    ops_default_redshift_parameter_group,
    ops_latest_image_tag,
    ops_mutable_image_tags,
    ops_no_alarms,
    ops_no_detailed_monitoring,
    ops_no_termination_protection,
    ops_ssh_without_key_pair,
)

MODULES = (
    ops_certificate_email_validation,
    ops_classic_load_balancer,
    ops_default_db_parameter_group,
    ops_default_redshift_parameter_group,
    ops_latest_image_tag,
    ops_mutable_image_tags,
    ops_no_alarms,
    ops_no_detailed_monitoring,
    ops_no_termination_protection,
    ops_ssh_without_key_pair,
)
RULES = [module.RULE for module in MODULES]
