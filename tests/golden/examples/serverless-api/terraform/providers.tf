provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = var.name
      ManagedBy   = "archbuilder"
      Environment = var.environment
      Design      = "Serverless API"
    }
  }
}

provider "aws" {
  alias  = "us_east_1"
  region = "us-east-1"

  default_tags {
    tags = {
      Project     = var.name
      ManagedBy   = "archbuilder"
      Environment = var.environment
      Design      = "Serverless API"
    }
  }
}
