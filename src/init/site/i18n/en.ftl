service-types-day-centre = Day centre
activities-information-counselling = Information and counselling
activities-day-care = Day care
target-groups-elderly = Elderly people
funding-state-delegated = State-delegated activity
localities-primer = Primerno
provider-kinds-municipality = Municipality
partnership-kinds-management-contract = Management contract
