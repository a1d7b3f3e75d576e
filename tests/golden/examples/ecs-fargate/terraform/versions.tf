terraform {
  required_version = ">= 1.5"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

# State: choose a backend before the first apply, for example S3 with its lock file (Terraform 1.10 and later):
#
# terraform {
#   backend "s3" {
#     key          = "containers-on-ecs-fargate/terraform.tfstate"
#     use_lockfile = true
#     encrypt      = true
#   }
# }
#
# A backend block takes no variables: give the rest when initialising, from the environment, e.g.
#   terraform init -backend-config="bucket=$TF_STATE_BUCKET" -backend-config="region=$TF_STATE_REGION"
