service-types-day-centre = Дневен център
activities-information-counselling = Информиране и консултиране
activities-day-care = Дневна грижа
target-groups-elderly = Възрастни хора
funding-state-delegated = Делегирана от държавата дейност
localities-primer = Примерно
provider-kinds-municipality = Община
partnership-kinds-management-contract = Договор за управление
