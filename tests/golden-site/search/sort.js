DisclosureSearch.register("sort",{"score":[null,null,null,92,96.5,null,78],"year":[2022,2022,2023,2022,2023,2023,2023]});
